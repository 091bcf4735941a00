// Preview rebuild time after editing one lesson (measured once `coursepack preview` exists).
export async function measurePreviewRebuild() {
  return undefined;
}
