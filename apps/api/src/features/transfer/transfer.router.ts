export const transferRouter = {}
