import { type ComponentType, Suspense, lazy } from 'react';
import { Loading } from './layout.tsx';

/** A page whose module is loaded when it is first shown, with the loading line meanwhile. */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  };
}
