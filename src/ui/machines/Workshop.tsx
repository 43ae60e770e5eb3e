/** The image workshop (docker build): pick layers, read the Dockerfile, build a versioned image. */
export function Workshop() {
  return null
}
