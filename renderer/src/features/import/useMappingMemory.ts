import { useEffect, useState } from 'react';
import type { KirjuriDatabase } from '../../db/database';
import { ImportMappingMemory } from './mapping-memory';

/**
 * The remembered column mappings while the import screen is open; null until they are decrypted
 * (or if they cannot be: the import works without them). Closed when the screen goes (lock).
 */
export function useMappingMemory(db: KirjuriDatabase, dataKey: CryptoKey): ImportMappingMemory | null {
  const [memory, setMemory] = useState<ImportMappingMemory | null>(null);
  useEffect(() => {
    let isCurrent = true;
    let opened: ImportMappingMemory | null = null;
    ImportMappingMemory.open(db, dataKey)
      .then((loaded) => {
        opened = loaded;
        if (isCurrent) setMemory(loaded);
        else void loaded.close();
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
      if (opened) void opened.close();
      setMemory(null);
    };
  }, [db, dataKey]);
  return memory;
}
