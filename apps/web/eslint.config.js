import vue from '@onewindow/eslint-config/vue'

export default vue
