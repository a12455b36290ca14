import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { RENDERER_API_KEY } from '../../shared/ipc/renderer-api';
import { createRendererApi } from './api';

/**
 * The sandboxed preload: exposes `window.kirjuri` and nothing else. It is bundled as CommonJS
 * and may import only 'electron' and code bundled into it (./api, shared/, zod), because a
 * sandboxed preload has no Node `require` for anything else.
 */

// zod probes `new Function('')` to decide whether to compile validators; under our CSP (no
// 'unsafe-eval') that probe only produces a CSP violation. Interpreted validation is plenty here.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(RENDERER_API_KEY, createRendererApi(ipcRenderer));
