import 'reflect-metadata';
import { container, type DependencyContainer, instancePerContainerCachingFactory } from 'tsyringe';
import { KNOWN_SERVICE_PROVIDERS } from '../components/known-providers.ts';
import { jobError } from '../errors/errors.ts';
import type { RefMap } from '../plugin/define-plugin.ts';
import type { ServiceEntry } from '../plugin/plugin-registry.ts';
import type { Ref } from '../refs/create-ref.ts';

/**
 * One DI container per run: a tsyringe child container that holds the run's instances (logger, tracker, ...) and
 * the plugins' services as per-run singletons. Nothing is ever registered in tsyringe's global container, and
 * `dispose` (called in `finally`) releases every service that declared a `dispose`.
 */
export class RunContainer {
  private readonly inner: DependencyContainer;
  private readonly disposers: Array<() => void | Promise<void>> = [];
  private readonly known = new Set<string>();

  constructor(instances: ReadonlyArray<readonly [Ref<unknown>, unknown]>, services: Iterable<ServiceEntry>) {
    this.inner = container.createChildContainer();
    for (const [ref, value] of instances) {
      this.inner.registerInstance(ref.token, value);
      this.known.add(ref.id);
    }
    for (const entry of services) {
      this.known.add(entry.ref.id);
      this.inner.register(entry.ref.token, {
        useFactory: instancePerContainerCachingFactory(() => {
          const deps: Record<string, unknown> = {};
          for (const [name, dep] of Object.entries(entry.spec.deps as RefMap)) deps[name] = this.resolve(dep);
          const value = entry.spec.factory(deps);
          const { dispose } = entry.spec;
          if (dispose) this.disposers.push(() => dispose(value));
          return value;
        }),
      });
    }
  }

  /** Resolves a service by its typed ref; a missing one is a clear error naming the ref. */
  resolve<T>(ref: Ref<T>): T {
    if (!this.known.has(ref.id)) {
      const provider = KNOWN_SERVICE_PROVIDERS[ref.id];
      throw jobError('service-missing', `no plugin provides the service ${ref.id}.`, {
        expected: 'a loaded plugin that registers it with reg.service()',
        fix: provider
          ? `It is provided by ${provider}: install it (npm i ${provider}).`
          : 'Add the plugin that provides it to plugins.',
      });
    }
    return this.inner.resolve<T>(ref.token);
  }

  /** Disposes services in reverse creation order, then the container. */
  async dispose(): Promise<void> {
    for (const dispose of this.disposers.reverse()) await dispose();
    this.disposers.length = 0;
    await this.inner.dispose();
  }
}

/** True when tsyringe's global container has a registration for `ref` (used by the leak guard test). */
export function isRegisteredGlobally(ref: Ref<unknown>): boolean {
  return container.isRegistered(ref.token, true);
}
