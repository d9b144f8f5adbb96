// Test data for the releases journeys: a model card with markup to neutralise, and three artifacts.
import { digestOf } from "./spaces";

export const sampleCard = `---
license: apache-2.0
model_name: kestrel-3b
base_model: mistralai/Mistral-7B-v0.3
datasets:
  - HuggingFaceH4/ultrachat_200k
language:
  - en
  - sw
pipeline_tag: text-generation
tags: [chat, swahili]
---

# Kestrel 3B

A small chat model for English and Swahili. <img src=x onerror="window.__xss=1">
<script>window.__xss=2</script>
`;

export const threeArtifacts = [
  { name: "model.safetensors", kind: "weights", digest: digestOf("a") },
  { name: "tokenizer.json", kind: "tokenizer", digest: digestOf("b") },
  { name: "config.json", kind: "config", digest: digestOf("c") },
];
