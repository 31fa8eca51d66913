#!/bin/bash
# usage: prof-endpoint.sh PATH [seconds]
cd /work/main; rm -rf /tmp/prof2; SERVE_SECONDS=$(( ${2:-6} + 6 )) node --cpu-prof --cpu-prof-dir=/tmp/prof2 --import tsx .diag/serve.ts & 
for i in $(seq 1 40); do [ -s /tmp/cookie.txt ] && curl -s -o /dev/null http://127.0.0.1:8931/healthz && break; sleep 0.25; done
npx autocannon -c 50 -d ${2:-6} -H "cookie=$(cat /tmp/cookie.txt)" "http://127.0.0.1:8931$1" 2>&1 | grep -E "Latency|Req/Sec|2xx|non" | head -5
wait
node /tmp/tools/prof.mjs /tmp/prof2/*.cpuprofile 35
