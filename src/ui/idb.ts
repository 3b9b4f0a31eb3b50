/**
 * One IndexedDB object store, opened per request and closed after it: the few records the app keeps (case
 * packages, an author's recordings) do not warrant a connection held open. Each store lives in a database of
 * its own, so adding one never needs a version upgrade of another.
 */
export type RunInStore = <T>(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>;

export function idbStore(dbName: string, storeName: string, keyPath: string): RunInStore {
  const database = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
      const open = indexedDB.open(dbName, 1);
      open.onupgradeneeded = () => void open.result.createObjectStore(storeName, { keyPath });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
    });
  // Runs one request in a transaction and resolves with its result once the transaction is done.
  return async <T>(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await database();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const req = request(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('the browser storage refused'));
        tx.onabort = () => reject(tx.error ?? new Error('the browser storage refused'));
      });
    } finally {
      db.close();
    }
  };
}
