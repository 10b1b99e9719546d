// A keychain worker for tests that cannot load keytar, as with a missing or mis-built native module.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@github/keytar') {
    throw Object.assign(new Error("Cannot find module '@github/keytar'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolveFilename.call(this, request, ...rest);
};
require(path.join(__dirname, '../../../../src/core/store/keychain-worker.cjs'));
