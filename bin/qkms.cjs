#!/usr/bin/env node
// `qkms`: runs the TypeScript CLI through tsx, so `npx qkms` works straight after `npm install`.
require('tsx/cjs/api').register();
require('../src/cli/index.ts');
