import type { ConfigTree } from '../config/config-tree.ts';
import type { ComponentKind } from './component-kinds.ts';
import type { Component } from './define-component.ts';

/** Builds components for a hook: `create('DataEvaluator', extraConfigs)` picks the type from `config.type`. */
export interface ComponentFactory {
  create(kind: ComponentKind, config: ConfigTree | null): Promise<Component>;
  /** Whether a (kind, type) is provided by a loaded plugin. */
  has(kind: ComponentKind, type: string): boolean;
}
