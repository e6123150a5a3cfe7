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

# doInit(task): gc's runtime.doInit (runtime/proc.go): run init task task, whose words
# are {state, ndeps, nfns, deps[ndeps], fns[nfns]} (walk's _init_task): nothing if state
# is 2 (done), a throw if 1 (running: an import cycle), else each dependency's task, then
# each function, and state 2. A Go function preserves rbx and r12-r15, which hold the
# loops' state here. The return addresses of its two calls are runtime.doInit's frames
# at gc's two lines in runtime.Callers (introspect.c); tracebacks leave them out.
	.globl	"runtime.doInit"
	.type	"runtime.doInit", @function
"runtime.doInit":
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	movq	%rdi, %rbx
	cmpq	$2, (%rbx)
	je	3f
	cmpq	$1, (%rbx)
	je	4f
	movq	$1, (%rbx)
	xorl	%r12d, %r12d
1:	cmpq	8(%rbx), %r12
	jae	2f
	movq	24(%rbx,%r12,8), %rdi
	call	"runtime.doInit"
	.globl	"runtime.doInit.depret"
"runtime.doInit.depret":
	incq	%r12
	jmp	1b
2:	movq	8(%rbx), %rax
	leaq	24(%rbx,%rax,8), %r13
	xorl	%r12d, %r12d
5:	cmpq	16(%rbx), %r12
	jae	6f
	call	*(%r13,%r12,8)
	.globl	"runtime.doInit.fnret"
"runtime.doInit.fnret":
	incq	%r12
	jmp	5b
6:	movq	$2, (%rbx)
3:	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
4:	leaq	.Lrecursiveinit(%rip), %rdi
	call	rt_throw

	.section	.rodata
.Lrecursiveinit:
	.string	"recursive call during initialization - linker skew"
	.text

# deferpanic(clo, argp), deferpanicopen(clo, argp), deferreturn1(clo): callclosure for a
# deferred call that a panic (or Goexit) runs, recorded or open-coded, or deferreturn
# runs; the first two store the callee's argument pointer (its caller's %rsp) at *argp
# unless argp is NULL, the panic's argp that recover checks. Their return addresses
# count as one frame of runtime.gopanic in runtime.Callers (introspect.c), at gc's two
# lines for the two kinds, as gc's runtime frame between a deferred call and the
# panicking frame does; deferreturn1's counts as none, as gc leaves deferreturn out.
# deferstub NAME defines the first two: one body, instantiated once per kind so that
# each kind has a return address of its own (NAME.ret).
	.macro	deferstub name
	.globl	"\name"
	.type	"\name", @function
"\name":
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%rdi, %rdx
	testq	%rsi, %rsi
	jz	1f
	movq	%rsp, (%rsi)
1:	call	*(%rdx)
	.globl	"\name\().ret"
"\name\().ret":
	popq	%rbp
	ret
	.endm

	deferstub	runtime.deferpanic
	deferstub	runtime.deferpanicopen

	.globl	"runtime.deferreturn1"
	.type	"runtime.deferreturn1", @function
"runtime.deferreturn1":
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%rdi, %rdx
	call	*(%rdx)
	.globl	"runtime.deferreturn1.ret"
"runtime.deferreturn1.ret":
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

# openreturn(rbp): return from the frame at rbp, whose open-coded defers recovered a
# panic and have all run, with its results as they are: restore the callee-saved
# registers it saved (all five, in amd64.py's order) and pop the frame.
	.globl	"runtime.openreturn"
	.type	"runtime.openreturn", @function
"runtime.openreturn":
	movq	%rdi, %rbp
	movq	-8(%rbp), %rbx
	movq	-16(%rbp), %r12
	movq	-24(%rbp), %r13
	movq	-32(%rbp), %r14
	movq	-40(%rbp), %r15
	movq	%rbp, %rsp
	popq	%rbp
	ret

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

# ---- Goroutines (sched.c; docs/internals.md "Goroutines") ----

# swtch(oldsp *uintptr, newsp uintptr): save the callee-saved registers and %rbp on the
# current stack, store %rsp in *oldsp, and resume the context saved at newsp. The save
# area is, from the saved %rsp up: r15 r14 r13 r12 rbx rbp, then the return address
# (sched.h CTX_*); %rsp+40 is a frame pointer whose chain the collector walks.
	.globl	"runtime.swtch"
	.type	"runtime.swtch", @function
"runtime.swtch":
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

# gostart: where a new goroutine's first swtch returns to (sched.c newproc builds the
# frame); a zero saved %rbp ends the frame chain here.
	.globl	"runtime.gostart"
	.type	"runtime.gostart", @function
"runtime.gostart":
	pushq	%rbp
	movq	%rsp, %rbp
	call	"runtime.gostart1"
	ud2

# morestack: called by a Go function's prologue when %rsp minus its frame (in %rax) is
# at or below runtime.stackguard. newstack (sched.c) grows the stack by copying it
# (returning the distance it moved, by which %rsp and %rbp move too) or yields to a
# preemption request (returning 0). The saved words are the registers a caller may
# hold a pointer into the stack in: newstack adjusts them in the copy. Returns into
# the function's check, which jumps back to its entry.
	.globl	"runtime.morestack"
	.type	"runtime.morestack", @function
"runtime.morestack":
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rdx
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	movq	%rsp, %rdi
	movq	%rax, %rsi
	call	"runtime.newstack"
	addq	%rax, %rsp
	addq	%rax, %rbp
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rdx
	popq	%rbp
	ret

# asyncPreempt: the SIGURG handler makes an interrupted Go instruction "call" here (it
# pushes the interrupted pc). Every register and the flags are saved in this frame
# (the collector scans it conservatively), asyncpreempt2 yields, and all is restored.
	.globl	"runtime.asyncPreempt"
	.type	"runtime.asyncPreempt", @function
"runtime.asyncPreempt":
	pushq	%rbp
	movq	%rsp, %rbp
	pushfq
	subq	$368, %rsp
	andq	$-16, %rsp
	movq	%rax, -16(%rbp)
	movq	%rbx, -24(%rbp)
	movq	%rcx, -32(%rbp)
	movq	%rdx, -40(%rbp)
	movq	%rsi, -48(%rbp)
	movq	%rdi, -56(%rbp)
	movq	%r8, -64(%rbp)
	movq	%r9, -72(%rbp)
	movq	%r10, -80(%rbp)
	movq	%r11, -88(%rbp)
	movq	%r12, -96(%rbp)
	movq	%r13, -104(%rbp)
	movq	%r14, -112(%rbp)
	movq	%r15, -120(%rbp)
	movdqu	%xmm0, -136(%rbp)
	movdqu	%xmm1, -152(%rbp)
	movdqu	%xmm2, -168(%rbp)
	movdqu	%xmm3, -184(%rbp)
	movdqu	%xmm4, -200(%rbp)
	movdqu	%xmm5, -216(%rbp)
	movdqu	%xmm6, -232(%rbp)
	movdqu	%xmm7, -248(%rbp)
	movdqu	%xmm8, -264(%rbp)
	movdqu	%xmm9, -280(%rbp)
	movdqu	%xmm10, -296(%rbp)
	movdqu	%xmm11, -312(%rbp)
	movdqu	%xmm12, -328(%rbp)
	movdqu	%xmm13, -344(%rbp)
	movdqu	%xmm14, -360(%rbp)
	movdqu	%xmm15, -376(%rbp)
	call	"runtime.asyncpreempt2"
	movdqu	-376(%rbp), %xmm15
	movdqu	-360(%rbp), %xmm14
	movdqu	-344(%rbp), %xmm13
	movdqu	-328(%rbp), %xmm12
	movdqu	-312(%rbp), %xmm11
	movdqu	-296(%rbp), %xmm10
	movdqu	-280(%rbp), %xmm9
	movdqu	-264(%rbp), %xmm8
	movdqu	-248(%rbp), %xmm7
	movdqu	-232(%rbp), %xmm6
	movdqu	-216(%rbp), %xmm5
	movdqu	-200(%rbp), %xmm4
	movdqu	-184(%rbp), %xmm3
	movdqu	-168(%rbp), %xmm2
	movdqu	-152(%rbp), %xmm1
	movdqu	-136(%rbp), %xmm0
	movq	-120(%rbp), %r15
	movq	-112(%rbp), %r14
	movq	-104(%rbp), %r13
	movq	-96(%rbp), %r12
	movq	-88(%rbp), %r11
	movq	-80(%rbp), %r10
	movq	-72(%rbp), %r9
	movq	-64(%rbp), %r8
	movq	-56(%rbp), %rdi
	movq	-48(%rbp), %rsi
	movq	-40(%rbp), %rdx
	movq	-32(%rbp), %rcx
	movq	-24(%rbp), %rbx
	movq	-16(%rbp), %rax
	leaq	-8(%rbp), %rsp
	popfq
	popq	%rbp
	ret

# sigpanic0: the SIGSEGV handler makes the faulting instruction "call" here (it pushes
# the faulting pc), so the nil-dereference panic runs on the goroutine's own stack.
# The frame above sigpanic0.ret's is the faulting one (introspect.c's walk).
	.globl	"runtime.sigpanic0"
	.type	"runtime.sigpanic0", @function
"runtime.sigpanic0":
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-16, %rsp
	call	"runtime.sigpanic"
	.globl	"runtime.sigpanic0.ret"
"runtime.sigpanic0.ret":
	ud2

# calltimerfn(f, argtype, argdata, seq): call a timer's func(any, uintptr) value f
# (Go ABI: the three argument words at the bottom of this frame, f in %rdx).
	.globl	"runtime.calltimerfn"
	.type	"runtime.calltimerfn", @function
"runtime.calltimerfn":
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$32, %rsp
	movq	%rsi, 0(%rsp)
	movq	%rdx, 8(%rsp)
	movq	%rcx, 16(%rsp)
	movq	%rdi, %rdx
	call	*(%rdx)
	movq	%rbp, %rsp
	popq	%rbp
	ret

# reflect.call(code, ctx, frame, size): call Go code with context pointer ctx (%rdx; a
# closure, or nil for a method) on an argument area that is a copy of frame's size bytes,
# then copy the area (the results included) back to frame. frame is heap memory (the
# stack may move during the call); this frame has no stack map, so the collector scans
# the copy conservatively.
	.globl	"reflect.call"
	.type	"reflect.call", @function
"reflect.call":
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$16, %rsp
	movq	%rdx, -8(%rbp)
	movq	%rcx, -16(%rbp)
	leaq	15(%rcx), %rax
	andq	$-16, %rax
	subq	%rax, %rsp
	movq	%rdi, %r8
	movq	%rsi, %r9
	movq	%rdx, %rsi
	movq	%rsp, %rdi
	cld
	rep movsb
	movq	%r9, %rdx
	call	*%r8
	movq	%rsp, %rsi
	movq	-8(%rbp), %rdi
	movq	-16(%rbp), %rcx
	cld
	rep movsb
	movq	%rbp, %rsp
	popq	%rbp
	ret

# reflect.methodValueCall: the code of a method value made by reflect, a closure
# {this code, method code, receiver word, n} (%rdx) where n is the bytes of the method's
# arguments and results without the receiver. The caller's area (16(%rbp)) is the
# method's own area shifted by the receiver's word, since every argument and result
# starts 8-aligned: copy it below a receiver word, call, copy the results back.
	.globl	"reflect.methodValueCall"
	.type	"reflect.methodValueCall", @function
"reflect.methodValueCall":
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$16, %rsp
	movq	%rdx, -8(%rbp)
	movq	24(%rdx), %rcx
	leaq	23(%rcx), %rax
	andq	$-16, %rax
	subq	%rax, %rsp
	movq	16(%rdx), %rax
	movq	%rax, 0(%rsp)
	leaq	16(%rbp), %rsi
	leaq	8(%rsp), %rdi
	cld
	rep movsb
	movq	8(%rdx), %rax
	xorl	%edx, %edx
	call	*%rax
	.globl	"reflect.methodValueCall.ret"
"reflect.methodValueCall.ret":
	movq	-8(%rbp), %rdx
	movq	24(%rdx), %rcx
	leaq	8(%rsp), %rsi
	leaq	16(%rbp), %rdi
	cld
	rep movsb
	movq	%rbp, %rsp
	popq	%rbp
	ret

	.section	.note.GNU-stack,"",@progbits
