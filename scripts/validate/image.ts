import { imageSize } from 'image-size'

export interface ImageInfo {
  readonly type: string | undefined
  readonly width: number | undefined
  readonly height: number | undefined
}

/** Type and pixel size from the file's own header (never from its name); null when it is no image at all. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  try {
    const { type, width, height } = imageSize(bytes)
    return { type, width, height }
  } catch {
    return null
  }
}
