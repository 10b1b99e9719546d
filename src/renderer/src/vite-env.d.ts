// Vite's client types: lets the entry import its plain CSS files (and types import.meta.env).
/// <reference types="vite/client" />
