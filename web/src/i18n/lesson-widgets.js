// @ts-check
// UI strings of the lesson widgets (check-yourself exercises, softmax sliders, activation plots, gradient descent,
// gradient check), in English and Simplified Chinese. Text only; every number shown comes from the engine.
import { registerMessages } from './i18n.js';

export const WIDGET_MESSAGES = {
  en: {
    'check.title': 'Check yourself',
    'check.answerLabel': 'Your answer',
    'check.submit': 'Check',
    'check.correct': 'Right! The engine gets {answer} too.',
    'check.wrong': 'Not quite. Try again — you may type arithmetic such as 2*1.1.',
    'check.notNumber': 'Please type a number, or arithmetic such as 3*(-4).',
    'check.reveal': 'Show the answer',
    'check.revealed': 'The engine’s answer is {answer}. Work backwards from it to see where your reasoning slipped.',
    'check.pattern.question': 'Gate pattern',
    'check.pattern.distribute': 'Distributor: every input gets the upstream gradient unchanged',
    'check.pattern.swap': 'Swapper: each input gets the upstream gradient times the other input',
    'check.pattern.route': 'Router: the larger input gets the whole gradient, the other gets 0',
    'check.pattern.sum': 'Adder: the gradients coming back along every use are summed',
    'check.pattern.right': 'Right — that is exactly how the engine passes this gradient back.',
    'check.pattern.wrong': 'Not this one. Look at the gradients the graph shows for this gate’s inputs.',
    'check.order.hint': 'The steps below are in forward order. Move them into the order backprop computes them.',
    'check.order.up': 'Move up',
    'check.order.down': 'Move down',
    'check.order.right': 'Right: each step needs the gradient the step before it produced.',
    'check.order.wrong': 'Not yet. Backprop starts at the output: which gradient can be computed first?',
  },
  'zh-CN': {
    'check.title': '自测一下',
    'check.answerLabel': '你的答案',
    'check.submit': '核对',
    'check.correct': '答对了！引擎算出来也是 {answer}。',
    'check.wrong': '还差一点，再想想。可以直接输入算式，比如 2*1.1。',
    'check.notNumber': '请输入一个数，也可以输入算式，比如 3*(-4)。',
    'check.reveal': '看答案',
    'check.revealed': '引擎给出的答案是 {answer}。从答案倒推回去，看看是哪一步想岔了。',
    'check.pattern.question': '门的模式',
    'check.pattern.distribute': '分配器：每个输入都原样拿到上游梯度',
    'check.pattern.swap': '交换器：每个输入拿到“上游梯度 × 另一个输入”',
    'check.pattern.route': '路由器：较大的那个输入拿走全部梯度，另一个得 0',
    'check.pattern.sum': '汇总器：沿各条使用路径传回来的梯度相加',
    'check.pattern.right': '对！引擎正是这样把梯度传回去的。',
    'check.pattern.wrong': '不是这个。看看图上这个门的两个输入各拿到了多少梯度。',
    'check.order.hint': '下面各步是按正向顺序排的。请把它们排成反向传播实际计算的顺序。',
    'check.order.up': '上移',
    'check.order.down': '下移',
    'check.order.right': '对：每一步都要用到上一步刚算出的梯度。',
    'check.order.wrong': '还不对。反向传播从输出端开始：哪个梯度能最先算出来？',
  },
};

registerMessages(WIDGET_MESSAGES);
