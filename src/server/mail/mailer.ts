import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  /** A stable id lets receiving systems recognise a resent message as the same one. */
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const defaultSender = 'Lägesbild <noreply@lagesbild.local>';

/** Sends e-mail through the SMTP relay named by a URL such as smtp://user:pass@relay:587. */
export function createMailer(smtpUrl: string, options: { from?: string } = {}): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  const from = options.from ?? defaultSender;
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
