export * from './schema'
export * from './objectives'
export * from './load'
export * from './lessons'
