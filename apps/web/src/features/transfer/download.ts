import type { FileDownload } from '@onewindow/contracts'
import { saveBlob } from '../../shared/save-file'

/** Hands a server-made file to the browser's download. */
export function saveDownload(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.filename)
}

/** A chosen file as base64, without the data-URL prefix. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

export function formatOf(fileName: string): 'csv' | 'xlsx' | null {
  const extension = fileName.toLowerCase().split('.').pop()
  return extension === 'csv' || extension === 'xlsx' ? extension : null
}
