// A fresh in-memory IndexedDB per test file, so Dexie runs unmodified under happy-dom.
import 'fake-indexeddb/auto';
