// A small real tfjs LayersModel with a chosen number of input channels (mean over 4x4 blocks, then
// a 1x1 conv to two output channels): the shape of the engine's model contract, for the cases the
// shipped model cannot show (a model without the hint channel, a malformed one).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

export async function blockModelArtifacts(channels: number): Promise<tf.io.ModelArtifacts> {
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.averagePooling2d({ inputShape: [null, null, channels], poolSize: 4, strides: 4 }),
      tf.layers.conv2d({ filters: 2, kernelSize: 1, kernelInitializer: 'ones', biasInitializer: 'ones' }),
    ],
  });
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return artifacts!;
}

/** Writes a model folder like models/colorizer (model.json, weights.bin, info.json). */
export async function writeModelDir(artifacts: tf.io.ModelArtifacts, dir: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const weights = artifacts.weightData as ArrayBuffer;
  await writeFile(path.join(dir, 'weights.bin'), new Uint8Array(weights));
  const modelJson = {
    format: 'layers-model',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
  };
  await writeFile(path.join(dir, 'model.json'), JSON.stringify(modelJson));
  await writeFile(path.join(dir, 'info.json'), JSON.stringify({ version, inputChannels: 1 }));
}
