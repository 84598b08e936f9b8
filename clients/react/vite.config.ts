// Builds the owner console (console/) into dist/console, served by the back end at /console/.
import { defineConfig } from "vite";

export default defineConfig({
  root: "console",
  // Relative asset URLs: the console works under any route prefix (/console/, /shared/console/).
  base: "./",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "../dist/console",
    emptyOutDir: true,
    sourcemap: true,
  },
});
