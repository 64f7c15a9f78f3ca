/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface ImportMetaEnv {
  /** Set to 'true' to hide the demo sign-ins on the login page. */
  readonly VITE_HIDE_DEMO_ACCOUNTS?: string
}
