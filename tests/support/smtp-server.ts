import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";

type Answer = (error?: Error | null) => void;

/**
 * An SMTP server for tests, listening where the caller says: plain text, anyone may send, quiet, and
 * no reverse DNS lookup of each sender (it is 127.0.0.1, and a slow resolver would slow every message).
 * `options` add the handlers and may override the rest.
 */
export function testSmtpServer(options: SMTPServerOptions): SMTPServer {
  return new SMTPServer({ secure: false, authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, disableReverseLookup: true, ...options });
}

/** An `onData` handler that reads the whole message, then hands it on with the session and the server's answer. */
export function onMessage(received: (raw: string, session: SMTPServerSession, answer: Answer) => void): SMTPServerOptions["onData"] {
  return (stream, session, answer) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => received(Buffer.concat(chunks).toString("utf8"), session, answer));
  };
}

/** A header of a raw message by its name (folded lines unfolded), "" when it has none. */
export function headerOf(raw: string, name: string): string {
  const head = (raw.split("\r\n\r\n")[0] ?? "").replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
}
