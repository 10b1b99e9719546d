// The Electron main process entry. Built to out/main/index.js, next to out/preload and out/renderer.
import { join } from 'node:path';
import { openDefaultService, openKeychain, settingsFromEnv } from '../core/open-service';
import { startApp } from './app-lifecycle';

startApp({
  rendererDir: join(__dirname, '../renderer'),
  preloadPath: join(__dirname, '../preload/index.cjs'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  openService: openDefaultService,
  openKeychain: (env) => openKeychain(settingsFromEnv(env)),
});
