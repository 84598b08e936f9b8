"""The fourth blind set of stopping and restarting the salon's offers: written on 2026-12-06 by a
helper who never saw the engine's rules nor the earlier sets; never read to tune the rules.

`FOURTH_OPT_OUT`: (message, is_opt_out) — 40 clients asking the salon to stop sending them
messages / offers / promotions / to remove them from the list (True), then 15 near misses that
mention the salon's messages, lists, numbers, stopping or cancelling but are NOT asking to stop
receiving messages (False). `FOURTH_OPT_IN`: 15 clients who had stopped the offers asking to
get them again.
"""

from __future__ import annotations

__all__ = ["FOURTH_OPT_IN", "FOURTH_OPT_OUT"]

# fmt: off
FOURTH_OPT_OUT: list[tuple[str, bool]] = [
    ("Oi, boa tarde! Pode me tirar da lista de promoções de vcs? Obrigada 😊", True),
    ("nao quero mais receber essas msg pfv", True),
    ("PAREM DE ME MANDAR PROPAGANDA!!! JA FALEI", True),
    ("Bom dia. Solicito, com base na LGPD, a exclusão do meu número da base de contatos "
     "do salão e que não me enviem mais mensagens.", True),
    ("Ei, eu me mudei pra Curitiba, não faz mais sentido receber as promo de vcs. "
     "Pode me descadastrar?", True),
    ("esse numero nao é mais da Fernanda, troquei de chip e agora chega essas promoção "
     "aqui, para de mandar por favor", True),
    ("Eu nunca pedi pra receber isso. Tira meu número daí", True),
    ("oxe, de novo essas promoção? me tira dessa lista visse", True),
    ("Bah tchê, chega de mensagem de promoção, não quero mais receber, valeu", True),
    ("Uai sô, cês pode parar de mandar essas oferta pra mim? Num tô precisando não", True),
    ("Mano, para de mandar msg de promo no meu zap, na moral", True),
    ("Qual é, parceiro, tira meu contato dessa lista aí, não curto receber propaganda não",
     True),
    ("Descadastrar", True),
    ("Se continuarem mandando mensagem vou denunciar no Procon. Quero ser removida da "
     "lista de vocês.", True),
    ("Oi meninas, amo o salão mas não quero receber as promoções pelo WhatsApp, tá? "
     "Quando eu precisar eu chamo 💅", True),
    ("n quero + receber ofertas, obg", True),
    ("Por gentileza, cancelem o envio de promoções para este número.", True),
    ("Boa noite! Gostaria de não receber mais mensagens promocionais. Agradeço a "
     "compreensão.", True),
    ("🛑🛑 chega de spam, me remove", True),
    ("Vcs tão mandando msg todo dia, cansei. Pode me excluir da lista de transmissão", True),
    ("Olá, sou o marido da cliente, esse celular agora é meu. Favor não enviar mais "
     "ofertas pra cá.", True),
    ("Não autorizo o uso do meu número para envio de publicidade. Retirem meu contato "
     "imediatamente.", True),
    ("descadastra eu ai por favor kkk to sem grana pra ficar vendo promoção", True),
    ("tira eu da lista pfvr", True),
    ("Moça, obrigada pelo carinho, mas prefiro não receber mais essas mensagens de oferta",
     True),
    ("NÃO QUERO MAIS RECEBER NADA DESSE SALÃO. ME TIREM DA LISTA", True),
    ("Oi, nao faço mais unha com vcs, pode parar de mandar as promo de esmaltação", True),
    ("Bom dia, tudo bem? Por favor parem de enviar mensagens de promoção pra mim, "
     "obrigado", True),
    ("pode parar de me mandar essas ofertas, ja nao moro mais em bh", True),
    ("Gente, esse zap é do trabalho, não mandem mais promoção aqui não, por favor", True),
    ("Já pedi duas vezes pra me tirarem da lista e continua chegando. Pela última vez: "
     "parem de me mandar msg", True),
    ("Sair da lista", True),
    ("Ô meu rei, deixe de mandar essas promoção pra mim, viu? Brigado", True),
    ("eu n pedi pra entrar em lista nenhuma, me exclui", True),
    ("Olá! Não desejo mais receber comunicações de marketing do salão. Favor remover meu "
     "cadastro da lista.", True),
    ("Parem de mandar mensagem pra mim 🙏", True),
    ("Oi, aqui é o Jorge. Não tenho interesse nas promoções da barbearia, pode tirar meu "
     "número, valeu", True),
    ("Se mandarem mais uma promoção vou bloquear. Não quero receber, me tira daí", True),
    ("Stop", True),
    ("Cancelem minha inscrição nas mensagens de ofertas, por favor", True),

    ("Preciso cancelar meu horário de amanhã, não vou conseguir ir", False),
    ("Troquei de número, meu novo é (11) 98765-4321, podem me mandar as promoções lá",
     False),
    ("Essa promoção de escova ainda tá valendo? Vi na msg de ontem", False),
    ("Quero fazer uma reclamação: o corte ficou torto e o barbeiro não parava de mexer no "
     "celular", False),
    ("Pode mandar essa promoção pra minha amiga? O número dela é 21 99888-7766", False),
    ("Desculpa, esqueci completamente do meu horário hoje 😩 dá pra remarcar?", False),
    ("Tô na lista de espera pra sexta? Se vagar me manda msg", False),
    ("Parei de pintar o cabelo, vocês fazem hidratação pra cabelo natural?", False),
    ("Cancela só a manicure, mas mantém o corte às 15h", False),
    ("Cansei do meu cabelo loiro, quero voltar pro castanho. Tem promoção de coloração?",
     False),
    ("Não recebi a mensagem de confirmação do agendamento, tá marcado mesmo?", False),
    ("Meu celular bloqueou e perdi as mensagens, qual era o valor da progressiva da "
     "promoção?", False),
    ("PARA TUDO 😱 progressiva pela metade do preço? quero marcar!", False),
    ("Não quero o combo pé e mão da promoção, só quero marcar a sobrancelha mesmo", False),
    ("Me tira da lista de espera de sábado, consegui horário na quinta mesmo", False),
]

FOURTH_OPT_IN: list[str] = [
    "Oi, eu tinha pedido pra sair da lista mas quero voltar a receber as promoções",
    "pode me colocar de novo na lista de ofertas? mudei de ideia kkk",
    "Voltei pra cidade! Quero receber as promoções de vcs de novo",
    "Bom dia, gostaria de voltar a receber as mensagens promocionais do salão.",
    "me adiciona de novo nas promo pfv",
    "Podem voltar a me mandar as ofertas, tô sentindo falta 😅",
    "Ei, me inclui de novo na lista de transmissão de vcs",
    "Sei q pedi pra parar, mas pode voltar a mandar as promoções sim",
    "Quero me recadastrar pra receber as ofertas da barbearia",
    "Oxe, pedi pra parar as promoção mas agora quero de volta, pode ativar?",
    "Reativa minhas mensagens de promoção por favor",
    "Bah, me bota de volta na lista das promoções, tchê",
    "Autorizo novamente o envio de ofertas para este número.",
    "Uai, quero voltar a receber as novidades e promoções docês",
    "Pode voltar a mandar msg de oferta, agora tô com tempo pra ir aí ✂️",
]
# fmt: on
