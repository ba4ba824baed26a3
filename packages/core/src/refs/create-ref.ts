/**
 * A typed reference to a service or an extension point. Identified by its string id (and a `Symbol.for` token),
 * never by object identity, so two copies of `@dj-sandbox/core` in one install still agree on it.
 */
export interface Ref<T> {
  readonly $$type: '@dj-sandbox/Ref';
  readonly id: string;
  readonly token: symbol;
  /** Phantom field carrying the value type; never set at run time. */
  readonly T?: T;
}

/** Creates a typed service reference, e.g. `createRef<Logger>({ id: 'core.logger' })`. */
export function createRef<T>(options: { id: string }): Ref<T> {
  return { $$type: '@dj-sandbox/Ref', id: options.id, token: Symbol.for(`@dj-sandbox/${options.id}`) };
}

/**
 * An extension point: a named slot that plugins contribute values to (`reg.extend(point, value)`), and that the
 * plugin owning the point reads as an array. Operators plug into the data engine this way.
 */
export interface ExtensionPoint<T> {
  readonly $$type: '@dj-sandbox/ExtensionPoint';
  readonly id: string;
  /** Phantom field carrying the contribution type; never set at run time. */
  readonly T?: T;
}

/** Creates an extension point identified by `id`. */
export function createExtensionPoint<T>(options: { id: string }): ExtensionPoint<T> {
  return { $$type: '@dj-sandbox/ExtensionPoint', id: options.id };
}
