import { watchEffect } from 'vue'
import type { Router } from 'vue-router'
import { i18n } from './i18n'

/** Keeps document.title on "<page> · <product>", in the current language. */
export function syncPageTitle(router: Router): void {
  const { t } = i18n.global
  watchEffect(() => {
    const key = router.currentRoute.value.meta.title
    const product = t('app.title')
    document.title = key ? `${t(key)} · ${product}` : product
  })
}
