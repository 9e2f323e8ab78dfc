import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { DB } from '../../db/schema.ts';
import { ingestEmail, MAX_RAW_BYTES } from './service.ts';

type Log = { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

const HEAD_BYTES = 64 * 1024;

/**
 * The built-in SMTP listener for inbound email (P4.1.1), on when SMTP_LISTEN_PORT is set: a
 * mail server (or a forwarding rule) delivers the service mailbox here, and each message goes to
 * ingestEmail. No TLS (the library's built-in certificate has expired; keep it on a trusted
 * network or behind the mail server), no authentication, 25 MB at most. A refused message is
 * answered with a permanent error, so the sender's mail server tells the sender.
 */
export async function startInboundSmtp(db: Kysely<DB>, options: { port: number; host: string }, log: Log) {
  const server = new SMTPServer({
    name: 'aftersales',
    banner: 'Aftersales inbound mail',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    size: MAX_RAW_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit only the head is kept, to record the refusal under the message's own id.
        if (size + chunk.length <= MAX_RAW_BYTES) chunks.push(chunk);
        else if (size < HEAD_BYTES) chunks.push(chunk.subarray(0, HEAD_BYTES - size));
        size += chunk.length;
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const totalSize = stream.sizeExceeded ? Math.max(size, MAX_RAW_BYTES + 1) : size;
        ingestEmail(db, raw, { via: 'smtp', totalSize, log })
          .then((result) => {
            if (result.outcome === 'rejected') {
              const code = result.reason === 'too_large' ? 552 : 550;
              callback(Object.assign(new Error(result.detail), { responseCode: code }));
            } else callback(null, `${result.outcome === 'order' ? 'Order' : 'Comment on'} ${result.number}`);
          })
          .catch((err: unknown) => {
            log.error({ err }, 'inbound email over SMTP failed');
            // A temporary failure: the sending server tries again later.
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          });
      });
    },
  });
  server.on('error', (err) => log.error({ err }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info({ host: options.host, port }, 'inbound SMTP listener started');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
