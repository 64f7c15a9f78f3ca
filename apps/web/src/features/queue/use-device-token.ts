import { ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { forgetKioskToken, kioskToken, saveKioskToken, tokenInLink } from './kiosk-token'

/**
 * The token of a registered device (kiosk, rating tablet). A manager's device link (…#token=…)
 * registers it; the token then leaves the address so it is neither on screen nor in the
 * browser history.
 */
export function useDeviceToken() {
  const route = useRoute()
  const router = useRouter()
  const linked = tokenInLink(route.hash)
  if (linked) {
    saveKioskToken(linked)
    void router.replace({ hash: '' })
  }
  const token = ref(kioskToken())
  return {
    token,
    /** The device was revoked: forget its token. */
    forget() {
      forgetKioskToken()
      token.value = null
    },
    /** A registration on this page just saved a token. */
    reload() {
      token.value = kioskToken()
    },
  }
}
