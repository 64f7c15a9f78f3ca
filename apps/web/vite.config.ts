import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vite'

const api = 'http://localhost:3000'

export default defineConfig({
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  define: {
    // Composition API only: drop vue-i18n's legacy API and devtools hooks from the bundle.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/trpc': api,
      '/healthz': api,
    },
  },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The framework changes rarely: one long-cached chunk, apart from app code.
            {
              name: 'framework',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|@trpc|superjson|copy-anything|is-what)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
})
