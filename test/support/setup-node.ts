// A real IndexedDB implementation for Node: the data layer runs against it unmodified.
import 'fake-indexeddb/auto';
