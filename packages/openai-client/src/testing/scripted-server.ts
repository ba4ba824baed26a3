import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: a status, optional headers and a JSON body, or `hang` to never answer. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  hang?: boolean;
}

/** A request the scripted server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

/**
 * A real HTTP server on 127.0.0.1 that answers from a script (then repeats the last answer) or from a function of the request, for the failure paths
 * that a healthy model server never takes: 429 with Retry-After, 5xx, time-outs, malformed answers.
 */
export async function scriptedServer(
  answers: ScriptedAnswer[] | ((request: ReceivedRequest, count: number) => ScriptedAnswer | Promise<ScriptedAnswer>),
) {
  const received: ReceivedRequest[] = [];
  const readBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const server: Server = createServer(async (req, res) => {
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      body: await readBody(req),
      at: Date.now(),
    };
    received.push(request);
    const answer =
      typeof answers === 'function'
        ? await answers(request, received.length)
        : (answers[Math.min(received.length - 1, answers.length - 1)] ?? {});
    if (answer.hang) return;
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat-completions answer whose message content is `text`. */
export function completion(text: string) {
  return { choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] };
}
