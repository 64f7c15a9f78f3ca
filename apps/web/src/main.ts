import './zod-config'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createApiErrorHandler } from './api-error-handler'
import { useAuthStore } from './features/auth/auth-store'
import { currentLocale, i18n } from './i18n'
import { syncPageTitle } from './page-title'
import { router } from './router'
import { onApiError } from './trpc'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
onApiError(createApiErrorHandler({ router, auth: useAuthStore(pinia) }))
app.use(router)
syncPageTitle(router)
document.documentElement.lang = currentLocale()
app.mount('#app')
