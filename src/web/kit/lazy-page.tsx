import { type ComponentType, Suspense, lazy } from 'react';
import { type Area, loadAreas } from '../i18n.ts';
import { Loading } from './layout.tsx';

/**
 * A page whose module, and the words of its areas, are loaded when it is first shown, with the
 * loading line meanwhile; it never renders before its words are there.
 */
export function lazyPage(
  areas: readonly Area[],
  load: () => Promise<ComponentType>,
): ComponentType {
  const Lazy = lazy(async () => {
    const [page] = await Promise.all([load(), loadAreas(areas)]);
    return { default: page };
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  };
}
