// A tiny PNG decoder for screenshots (8-bit greyscale/RGB/RGBA, optionally palette; no interlace),
// enough to tell a drawn canvas from a blank one without a dependency.
import { inflateSync } from 'node:zlib'

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Decode a PNG buffer to { width, height, rgba: Uint8Array }. */
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let pos = 8
  let width = 0,
    height = 0,
    bitDepth = 0,
    colorType = 0,
    interlace = 0
  let palette = null
  const idat = []
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos)
    const type = buf.toString('ascii', pos + 4, pos + 8)
    const data = buf.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      bitDepth = data[8]
      colorType = data[9]
      interlace = data[12]
    } else if (type === 'PLTE') palette = data
    else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    pos += 12 + len
  }
  if (bitDepth !== 8 || interlace !== 0 || !(colorType in CHANNELS))
    throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`)
  const ch = CHANNELS[colorType]
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * ch
  const out = new Uint8Array(width * height * ch)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = out.subarray(y * stride, (y + 1) * stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= ch ? cur[i - ch] : 0
      const b = prev[i]
      const c = i >= ch ? prev[i - ch] : 0
      let v = line[i]
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      cur[i] = v & 255
    }
    prev = cur
  }
  const rgba = new Uint8Array(width * height * 4)
  for (let p = 0; p < width * height; p++) {
    const s = p * ch
    if (colorType === 6) rgba.set(out.subarray(s, s + 4), p * 4)
    else if (colorType === 2) {
      rgba[p * 4] = out[s]
      rgba[p * 4 + 1] = out[s + 1]
      rgba[p * 4 + 2] = out[s + 2]
      rgba[p * 4 + 3] = 255
    } else if (colorType === 3) {
      const i = out[s] * 3
      rgba[p * 4] = palette[i]
      rgba[p * 4 + 1] = palette[i + 1]
      rgba[p * 4 + 2] = palette[i + 2]
      rgba[p * 4 + 3] = 255
    } else {
      const g = out[s]
      rgba[p * 4] = g
      rgba[p * 4 + 1] = g
      rgba[p * 4 + 2] = g
      rgba[p * 4 + 3] = colorType === 4 ? out[s + 1] : 255
    }
  }
  return { width, height, rgba }
}

/** Distinct colours (quantised to 5 bits a channel) and the luminance standard deviation. */
export function imageStats(png) {
  const { width, height, rgba } = png
  const colours = new Set()
  let sum = 0,
    sum2 = 0
  const n = width * height
  for (let p = 0; p < n; p++) {
    const r = rgba[p * 4],
      g = rgba[p * 4 + 1],
      b = rgba[p * 4 + 2]
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3))
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
    sum += l
    sum2 += l * l
  }
  const mean = sum / n
  return { width, height, distinctColours: colours.size, lumaStd: Math.sqrt(Math.max(0, sum2 / n - mean * mean)), lumaMean: mean }
}
