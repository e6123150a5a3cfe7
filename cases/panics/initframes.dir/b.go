package b

import "./a"

var B = a.Frames("b.B")
