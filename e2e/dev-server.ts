// Starts the real server on a fresh demo database for manual exploration: tsx e2e/dev-server.ts [port]
import { adminEmail, demoPassword, startServer } from './server.ts';

const server = await startServer(Number(process.argv[2] ?? 0));
console.log(`Lägesbild on ${server.url} (event ${server.eventId})`);
console.log(`admin ${adminEmail} one-time password: ${server.adminOneTimePassword}`);
console.log(`demo users password: ${demoPassword}`);
