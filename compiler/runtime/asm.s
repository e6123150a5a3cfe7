# Assembly helpers of the refgo runtime: the few places C must use the Go ABI
# (docs/internals.md "Runtime ABI"). Only caller-saved registers are touched.

	.text

# callclosure(clo): call the func() closure clo (context pointer in %rdx).
	.globl	"runtime.callclosure"
	.type	"runtime.callclosure", @function
"runtime.callclosure":
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%rdi, %rdx
	call	*(%rdx)
	popq	%rbp
	ret

# callmethodstr(fn, recv) (ptr, len): call method code fn (Go ABI) with one receiver
# word and a string result, e.g. an Error() or String() method from an itab/type table.
	.globl	"runtime.callmethodstr"
	.type	"runtime.callmethodstr", @function
"runtime.callmethodstr":
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$32, %rsp
	movq	%rsi, 0(%rsp)
	call	*%rdi
	movq	8(%rsp), %rax
	movq	16(%rsp), %rdx
	movq	%rbp, %rsp
	popq	%rbp
	ret

# recovery(rsp, rbp, pc): resume a recovered frame at its deferreturn exit block.
	.globl	"runtime.recovery"
	.type	"runtime.recovery", @function
"runtime.recovery":
	movq	%rdi, %rsp
	movq	%rsi, %rbp
	jmp	*%rdx

# runtime.Error methods (Go ABI; receiver = data word pointing at the message string).
	.globl	"runtime.rterrError"
	.type	"runtime.rterrError", @function
"runtime.rterrError":
	pushq	%rbp
	movq	%rsp, %rbp
	movq	16(%rbp), %rax
	movq	0(%rax), %rcx
	movq	%rcx, 24(%rbp)
	movq	8(%rax), %rcx
	movq	%rcx, 32(%rbp)
	popq	%rbp
	ret

	.globl	"runtime.rterrRuntimeError"
	.type	"runtime.rterrRuntimeError", @function
"runtime.rterrRuntimeError":
	ret

	.section	.note.GNU-stack,"",@progbits
