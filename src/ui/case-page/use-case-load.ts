/** Loads a case of the library for a page: loading, failed (with the problems), or ready. */
import { useEffect, useState } from 'react';
import { loadCase, type CaseLoad } from './load-case';

export function useCaseLoad(caseId: string): CaseLoad {
  const [load, setLoad] = useState<CaseLoad>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    void loadCase(caseId).then((l) => alive && setLoad(l));
    return () => {
      alive = false;
    };
  }, [caseId]);
  return load;
}
