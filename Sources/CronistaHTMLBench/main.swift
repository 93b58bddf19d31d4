import CronistaHTML
for s in ["<body>a\u{0}b<template><p>dentro</template><svg><title>t\u{0}</title></svg>", "<body><template><p>d</template>x<b>y"] {
    print(try HTMLParser().parse(s).treeDump())
}
