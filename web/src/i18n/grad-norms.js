// @ts-check
// UI strings of <bp-grad-norms> (each layer's gradient norm in a deep chain), in English and Simplified Chinese.
// Text only: {placeholders} are filled with the engine's numbers and the chosen settings.
import { registerMessages } from './i18n.js';

export const GRAD_NORMS_MESSAGES = {
  en: {
    'norms.activation': 'Activation',
    'norms.scale': 'Initial weight scale',
    'norms.lead': 'Each bar: how large one layer’s weight gradient ‖dW‖ is after one backward pass over the batch (log scale; layer 1 is nearest the input).',
    'norms.chart': 'Gradient norms of {n} layers, {activation}, weight scale {scale}',
    'norms.ratio': 'First layer against last: ‖dW(1)‖ / ‖dW({last})‖ = {ratio}',
  },
  'zh-CN': {
    'norms.activation': '激活函数',
    'norms.scale': '初始权重的缩放',
    'norms.lead': '每根条：对这一批数据做一次反向传播之后，这一层权重梯度的大小 ‖dW‖（对数刻度；第 1 层离输入最近）。',
    'norms.chart': '{n} 层的梯度范数，{activation}，权重缩放 {scale}',
    'norms.ratio': '第一层比最后一层：‖dW(1)‖ / ‖dW({last})‖ = {ratio}',
  },
};

registerMessages(GRAD_NORMS_MESSAGES);
