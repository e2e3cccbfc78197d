// @ts-check
// UI strings of the home page (web/index.html), in English and Simplified Chinese: the hero, the ways in, and the
// "try a formula" box. Text only; the numbers come from the engine.
import { registerMessages } from './i18n.js';

export const HOME_MESSAGES = {
  en: {
    'home.title': 'Backprop Tutor',
    'home.lead': 'Watch and do backpropagation: every value and gradient on this site is computed live by a C++ autodiff engine compiled to WebAssembly.',
    'home.heroCaption': 'The apple shop: two apples at 100 each, with 10 % tax. The bill is worked out forward, node by node, then every gradient flows backward. Touch the graph to step it yourself.',
    'home.pause': 'Pause the animation',
    'home.play': 'Play the animation',
    'home.waysIn': 'Where to start',
    'home.lessons': 'Lessons',
    'home.lessonsText': 'Backpropagation in short, live lessons, from a shopping bill to a trained network, in English and Chinese.',
    'home.playground': 'Playground',
    'home.playgroundText': 'Any formula as a graph: step its values forward and its gradients backward.',
    'home.train': 'Train a network',
    'home.trainText': 'Watch a network learn, then backprop any single point through it.',
    'home.embed': 'Embed the widgets',
    'home.embedText': 'One script tag puts them in your blog; see a post with live widgets.',
    'home.try': 'Try a formula',
    'home.formula': 'Formula',
    'home.values': 'Values',
    'home.compute': 'Compute',
  },
  'zh-CN': {
    'home.title': '反向传播小课堂',
    'home.lead': '看反向传播，也亲手做：本站的每个数值和梯度都由编译成 WebAssembly 的 C++ 自动微分引擎实时算出。',
    'home.heroCaption': '苹果店：两个苹果，每个 100，税 10%。账单先逐个节点向前算出，再把每个梯度向后传回。点一下图，就可以自己一步步走。',
    'home.pause': '暂停动画',
    'home.play': '播放动画',
    'home.waysIn': '从哪里开始',
    'home.lessons': '课程',
    'home.lessonsText': '一组现场计算的反向传播短课，从一张购物小票讲到训练网络，中英文都有。',
    'home.playground': '练习场',
    'home.playgroundText': '任意公式画成图：向前算数值，向后传梯度，一步一步。',
    'home.train': '训练网络',
    'home.trainText': '看网络怎样学习，再把任意一个点反向传播一遍。',
    'home.embed': '嵌入组件',
    'home.embedText': '一个 script 标签就能放进你的博客；看一篇带实时组件的博文。',
    'home.try': '试一个公式',
    'home.formula': '公式',
    'home.values': '数值',
    'home.compute': '计算',
  },
};

registerMessages(HOME_MESSAGES);
