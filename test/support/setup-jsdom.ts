import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});

// jsdom lacks CSS.escape, which React Aria's overlays use; Chromium has it natively.
import 'css.escape';
