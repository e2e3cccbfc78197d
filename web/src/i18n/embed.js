// @ts-check
// UI strings of the embeddable widgets <bp-network> and <bp-trainer>, and of the iframe form (/embed.html), in
// English and Simplified Chinese. Text only: {placeholders} are filled with names, the engine's numbers and the
// engine's own error messages.
import { registerMessages } from './i18n.js';

export const EMBED_MESSAGES = {
  en: {

    'network.title': 'A dense network, computed by the engine',
    'network.region': 'Network with layer sizes {sizes}',
    'network.forward': 'Forward',
    'network.backward': 'Backward',
    'network.update': 'Update weights',
    'network.reset': 'Reset',
    'network.loss': 'Loss E = {loss}',
    'network.lossAfter': 'after the update: {loss}',
    'network.legendForward': 'Values (blue, upright): weights on the wires, activations above the units.',
    'network.legendBackward': 'Gradients (orange, italic): ∂E/∂w below each weight, δ = ∂E/∂z below each unit, ∂E/∂b under its bias b.',
    'network.weight': 'weight',
    'network.value': 'value',
    'network.gradient': '∂E/∂w',
    'network.updated': 'after update (lr {lr})',
    'network.steps': 'Updates so far: {n}',
    'network.badLayers': 'expected a JSON list of {"W", "b"} layers',
    'network.say.weights': 'The network’s weights.',
    'network.say.forward': 'Forward pass done: loss {loss}.',
    'network.say.backward': 'Backward pass done: every weight has its gradient. Loss {loss}.',

    'trainer.title': 'Training a network, computed by the engine',
    'trainer.play': 'Train',
    'trainer.pause': 'Pause',
    'trainer.step': 'One step',
    'trainer.reset': 'Reset',
    'trainer.status': 'Step {steps} · loss {loss} · accuracy {accuracy}',
    'trainer.paused': 'Paused while out of view.',
    'trainer.region': 'Decision regions of a {layers} network on the {dataset} data set',
    'trainer.notTwoD': 'The {dataset} data set is not 2-D: showing loss and accuracy only.',
    'trainer.tooBig': 'layers: “{layers}”; this compact view takes at most {maxLayers} hidden layers of at most {maxUnits} units',

    'frame.title': 'Backprop Tutor widget',
    'frame.unknownWidget': 'Unknown widget “{widget}”: use one of {known}.',
    'frame.unknownParameter': 'Unknown parameter “{name}” for the {widget} widget (known: {known}).',
    'frame.tooLong': 'The parameter “{name}” is longer than {max} characters.',
  },
  'zh-CN': {

    'network.title': '一个全连接网络，数值由引擎计算',
    'network.region': '各层大小为 {sizes} 的网络',
    'network.forward': '前向传播',
    'network.backward': '反向传播',
    'network.update': '更新权重',
    'network.reset': '重置',
    'network.loss': '损失 E = {loss}',
    'network.lossAfter': '更新后：{loss}',
    'network.legendForward': '数值（蓝色、正体）：连线上的权重，单元上方的激活值。',
    'network.legendBackward': '梯度（橙色、斜体）：每个权重下方是 ∂E/∂w，每个单元下方是 δ = ∂E/∂z，偏置 b 下方是 ∂E/∂b。',
    'network.weight': '权重',
    'network.value': '值',
    'network.gradient': '∂E/∂w',
    'network.updated': '更新后（学习率 {lr}）',
    'network.steps': '已更新次数：{n}',
    'network.badLayers': '应为由 {"W", "b"} 组成的 JSON 层列表',
    'network.say.weights': '网络的权重。',
    'network.say.forward': '前向传播完成：损失为 {loss}。',
    'network.say.backward': '反向传播完成：每个权重都有了梯度。损失为 {loss}。',

    'trainer.title': '训练一个网络，数值由引擎计算',
    'trainer.play': '训练',
    'trainer.pause': '暂停',
    'trainer.step': '走一步',
    'trainer.reset': '重置',
    'trainer.status': '第 {steps} 步 · 损失 {loss} · 准确率 {accuracy}',
    'trainer.paused': '已移出视野，暂停训练。',
    'trainer.region': '{layers} 网络在 {dataset} 数据集上的决策区域',
    'trainer.notTwoD': '{dataset} 数据集不是二维的：只显示损失和准确率。',
    'trainer.tooBig': 'layers：“{layers}”；这个小视图最多 {maxLayers} 个隐藏层，每层最多 {maxUnits} 个单元',

    'frame.title': 'Backprop Tutor 组件',
    'frame.unknownWidget': '未知组件“{widget}”：可用的有 {known}。',
    'frame.unknownParameter': '{widget} 组件没有参数“{name}”（可用：{known}）。',
    'frame.tooLong': '参数“{name}”超过 {max} 个字符。',
  },
};

registerMessages(EMBED_MESSAGES);
