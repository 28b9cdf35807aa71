// Loads a tfjs LayersModel from local files in Node (tfjs-node, which has a file:// handler,
// does not install offline) and locates the model shipped with the package.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { io } from '@tensorflow/tfjs';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_MODEL_DIR = path.join(PACKAGE_ROOT, 'models', 'colorizer');

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
  userDefinedMetadata?: io.ModelArtifacts['userDefinedMetadata'];
}

/** An IOHandler reading model.json and its weight shards from disk. */
export function fileModelHandler(modelJsonPath: string): io.IOHandler {
  return {
    async load(): Promise<io.ModelArtifacts> {
      const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as ModelJson;
      const dir = path.dirname(modelJsonPath);
      const weightSpecs: io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) buffers.push(await readFile(path.join(dir, shard)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

/** The version string from info.json beside model.json, or 'unknown'. */
export async function readModelVersion(modelDir: string): Promise<string> {
  try {
    const info = JSON.parse(await readFile(path.join(modelDir, 'info.json'), 'utf8')) as { version?: unknown };
    return typeof info.version === 'string' ? info.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
