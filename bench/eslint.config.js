import base from '@onewindow/eslint-config/base'

export default base
