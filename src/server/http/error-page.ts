import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../../render/common.ts';
import type { AppError } from '../errors.ts';

/** A refusal a person reads in the browser rather than JSON; never cached. */
export function sendErrorPage(
  reply: FastifyReply,
  error: AppError,
  page: { title: string; link?: { href: string; text: string } },
) {
  const link = page.link
    ? `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.text)}</a></p>\n`
    : '';
  const html = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)} – Lägesbild</title></head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(error.message)}</p>
${link}</main>
</body>
</html>`;
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
