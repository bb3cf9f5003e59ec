import { Container, type ContainerModule } from 'inversify';
import { PluginRegistry } from './PluginRegistry';

/**
 * The composition root: a container with the given plugin modules loaded and the registry bound.
 * An app decides which plugins exist by choosing the modules; no package registers itself.
 */
export function createContainer(modules: readonly ContainerModule[]): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.load(...modules);
  container.bind(PluginRegistry).toSelf();
  return container;
}

/** Shorthand: the registry of a container made by {@link createContainer}. */
export function createRegistry(modules: readonly ContainerModule[]): PluginRegistry {
  return createContainer(modules).get(PluginRegistry);
}
