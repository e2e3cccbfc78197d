// @ts-check
// UI strings of the matrix playground page (tensor.html), in English and Simplified Chinese. Text only: {max} and
// the like are filled with the engine's limits; the widget's own strings are in tensor.js.
import { registerMessages } from './i18n.js';

export const TENSOR_PAGE_MESSAGES = {
  en: {
    'tensorPage.title': 'Matrix playground',
    'tensorPage.lead': 'Backprop a whole batch in matrix form: choose a network and a batch, then step through every matrix product, bias, activation and loss, forward and back. Tap any gradient entry to see it written out as a sum.',
    'tensorPage.network': 'The network',
    'tensorPage.source': 'Build it from',
    'tensorPage.fromSizes': 'sizes and a seed',
    'tensorPage.fromSpec': 'a pasted spec (JSON)',
    'tensorPage.layers': 'Layer sizes',
    'tensorPage.layersHelp': 'Inputs first, joined by dashes: 3-4-3 is 3 inputs, 4 hidden units, 3 outputs. At most {layers} layers of {units} units.',
    'tensorPage.activation': 'Hidden activation',
    'tensorPage.loss': 'Loss',
    'tensorPage.batch': 'Batch size',
    'tensorPage.batchHelp': '1 to {batch} examples: each is one row of every matrix.',
    'tensorPage.seed': 'Seed',
    'tensorPage.seedHelp': 'Draws the weights, the inputs and the targets.',
    'tensorPage.spec': 'Spec',
    'tensorPage.specHelp': 'The JSON that ./tutor mlp reads: {"layers": [{"W", "b", "activation"}], "loss", "x", "y", "optimizer"}. It starts as the network shown; edit any number.',
    'tensorPage.share': 'Copy share link',
    'tensorPage.copied': 'Link copied.',
    'tensorPage.copyFailed': 'Copy this link:',
    'tensorPage.scalar': 'One number at a time instead? The playground steps through any formula node by node.',
  },
  'zh-CN': {
    'tensorPage.title': '矩阵练习场',
    'tensorPage.lead': '以矩阵形式对一整批样本做反向传播：选一个网络和一批样本，然后一步步看每个矩阵乘法、偏置、激活函数和损失，正向再反向。点梯度矩阵中的任一元素，可看到它展开成的求和式。',
    'tensorPage.network': '网络',
    'tensorPage.source': '网络来自',
    'tensorPage.fromSizes': '各层大小和随机种子',
    'tensorPage.fromSpec': '粘贴的规格（JSON）',
    'tensorPage.layers': '各层大小',
    'tensorPage.layersHelp': '输入在前，用短横线连接：3-4-3 表示 3 个输入、4 个隐藏单元、3 个输出。最多 {layers} 层，每层最多 {units} 个单元。',
    'tensorPage.activation': '隐藏层激活函数',
    'tensorPage.loss': '损失函数',
    'tensorPage.batch': '批大小',
    'tensorPage.batchHelp': '1 到 {batch} 个样本：每个样本是每个矩阵的一行。',
    'tensorPage.seed': '随机种子',
    'tensorPage.seedHelp': '决定权重、输入和目标。',
    'tensorPage.spec': '规格',
    'tensorPage.specHelp': '即 ./tutor mlp 读取的 JSON：{"layers": [{"W", "b", "activation"}], "loss", "x", "y", "optimizer"}。初始内容就是当前显示的网络，可以改其中任何数。',
    'tensorPage.share': '复制分享链接',
    'tensorPage.copied': '链接已复制。',
    'tensorPage.copyFailed': '请复制这个链接：',
    'tensorPage.scalar': '想一次只看一个数？练习场可以逐个节点演示任意式子。',
  },
};

registerMessages(TENSOR_PAGE_MESSAGES);
