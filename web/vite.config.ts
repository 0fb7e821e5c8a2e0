/// <reference types="vitest/config" />
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import type { ComponentResolver, ComponentResolverFunction } from 'unplugin-vue-components'

const backend = 'http://127.0.0.1:8080'

/**
 * Element Plus on demand, each component from its own module. The stock resolver imports from the
 * package's index, whose top level builds the whole-library installer; the bundler cannot prove
 * that call harmless and keeps every component. So: which module exports which name, read from
 * the installed package, and the stock resolver's style imports kept as they are.
 */
function elementPlusDirect(): ComponentResolver[] {
  const root = fileURLToPath(new URL('./node_modules/element-plus/es/components', import.meta.url))
  const home = new Map<string, string>()
  for (const dir of fs.readdirSync(root)) {
    const index = path.join(root, dir, 'index.mjs')
    if (!fs.existsSync(index)) continue
    for (const m of fs.readFileSync(index, 'utf8').matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()
        if (name && !home.has(name)) home.set(name, dir)
      }
  }
  const direct =
    (resolve: ComponentResolverFunction): ComponentResolverFunction =>
    async (name) => {
      const out = await resolve(name)
      if (!out || typeof out === 'string' || !out.name || !home.has(out.name)) return out
      return { ...out, from: `element-plus/es/components/${home.get(out.name)}/index.mjs` }
    }
  return ElementPlusResolver({ importStyle: 'css' }).map((r) =>
    typeof r === 'function' ? direct(r) : { ...r, resolve: direct(r.resolve) },
  )
}

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus on demand: each <el-…> tag (and v-loading) imports its component and its CSS where it
    // is used, so a page's chunk carries only what it shows. Types come from element-plus/global
    // (tsconfig), so no declaration file is generated.
    // Unit tests install Element Plus whole on the component they mount (and Node cannot import CSS).
    ...(process.env.VITEST ? [] : [Components({ resolvers: elementPlusDirect(), dts: false, dirs: [] })]),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n feature flags: composition API only, no legacy API in the bundle.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Element Plus comes on demand (see plugins) and each route is its own chunk: a page loads the
    // components it shows, shared ones come in the chunks the bundler splits out for them. Vue and
    // its companions form one vendor chunk that changes only when a dependency does.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // Element Plus' shared pieces would be named after their first module (a style file, "css"):
        // call them what they are.
        chunkFileNames: (chunk) => `assets/${chunk.name === 'css' ? 'element-plus' : chunk.name}-[hash].js`,
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify|pinia)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
