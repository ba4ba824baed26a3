/** One chat message, as chat templates and OpenAI-compatible servers take it. */
export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

/** A row of an inference dataset. */
export type Row = Record<string, unknown>;

/**
 * Builds the conversation(s) for one row: one conversation (a list of messages), or a batch of conversations (a
 * list of lists); an empty list means none.
 */
export type BuildMessages = (row: Row, kwargs: Readonly<Record<string, unknown>>) => ChatMessage[] | ChatMessage[][];

/** Turns the model's raw text into the stored result. */
export type ParseOutput = (output: string, row: Row, kwargs: Readonly<Record<string, unknown>>) => unknown;

function stringKwarg(kwargs: Readonly<Record<string, unknown>>, name: string, fallback: string): string {
  const value = kwargs[name];
  return typeof value === 'string' ? value : fallback;
}

function systemMessage(row: Row, kwargs: Readonly<Record<string, unknown>>): ChatMessage[] {
  const system = row[stringKwarg(kwargs, 'system_key', 'system')];
  return system ? [{ role: 'system', content: String(system) }] : [];
}

function required(row: Row, key: string, helper: string): string {
  const value = row[key];
  if (value === undefined || value === null) {
    throw new Error(`${helper}: the row has no ${JSON.stringify(key)} field (fields: ${Object.keys(row).join(', ')})`);
  }
  return String(value);
}

/** `build_messages`: an optional system message from `row[system_key]` and the user message `row[query_key]`. */
export const buildMessages: BuildMessages = (row, kwargs) => [
  ...systemMessage(row, kwargs),
  { role: 'user', content: required(row, stringKwarg(kwargs, 'query_key', 'query'), 'build_messages') },
];

/** `build_messages_for_math_qa`: the user message is `Question: <query>\nAnswer: <response>`. */
export const buildMessagesForMathQa: BuildMessages = (row, kwargs) => {
  const question = required(row, stringKwarg(kwargs, 'query_key', 'query'), 'build_messages_for_math_qa');
  const answer = required(row, stringKwarg(kwargs, 'response_key', 'response'), 'build_messages_for_math_qa');
  return [...systemMessage(row, kwargs), { role: 'user', content: `Question: ${question}\nAnswer: ${answer}` }];
};

/** `parse_output`: the raw text, unchanged. */
export const parseOutput: ParseOutput = (output) => output;

/** The helper registry of the reference (`build_input`, its default, was never registered there). */
export const BUILD_MESSAGES_FUNCS: Readonly<Record<string, BuildMessages>> = {
  build_messages: buildMessages,
  build_messages_for_math_qa: buildMessagesForMathQa,
};

/** Output parsers by name. */
export const PARSE_OUTPUT_FUNCS: Readonly<Record<string, ParseOutput>> = { parse_output: parseOutput };

/**
 * The conversations of one row, and whether the row was a batch: the reference wraps a non-empty list whose first
 * element is not itself a list as one conversation.
 */
export function conversationsOf(built: ChatMessage[] | ChatMessage[][]): { batch: boolean; list: ChatMessage[][] } {
  if (built.length === 0) return { batch: true, list: [] };
  if (Array.isArray(built[0])) return { batch: true, list: built as ChatMessage[][] };
  return { batch: false, list: [built as ChatMessage[]] };
}
