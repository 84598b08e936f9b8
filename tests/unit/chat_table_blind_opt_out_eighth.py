"""Eighth BLIND set of WhatsApp opt-out / opt-in phrasings (Brazilian Portuguese).

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets: replies to an
offer, everyday and indirect mixed, with near misses. Its texts are never read to tune the rules."""

from __future__ import annotations

__all__ = [
    "EIGHTH_OPT_IN",
    "EIGHTH_OPT_OUT",
]

# fmt: off
EIGHTH_OPT_OUT: list[tuple[str, bool]] = [
    ("para de me mandar essas promoção pfv", True),
    ("essa semana nao da, mas pode me avisar das proximas promo viu", False),
    ("todo dia uma msg dessa, ja deu né 🙄 me esquece", True),
    ("nao quero mais receber msg de vcs", True),
    ("quero sim! aproveita e tira a franja tb", False),
    ("eu nem vou mais ai desde o ano passado, nao precisa ficar me mandando essas coisa", True),
    ("me tira dessa lista", True),
    ("Boa tarde. Aqui é a filha da dona Marlene, ela faleceu mês passado. Peço por gentileza que não enviem mais mensagens para este número.", True),
    ("consigo tirar o esmalte em gel junto? ai fico com o horario", False),
    ("nossa que maravilha, mais uma promo as 7 da manha 🙃 vcs nao cansam? eu ja cansei, tira meu numero", True),
    ("cancelar inscrição", True),
    ("troquei de salao faz tempo moça, pode parar com as ofertas", True),
    ("preciso cancelar meu horario de sexta, surgiu um imprevisto, pode remarcar pra semana q vem?", False),
    ("nao me manda mais oferta nao, obg", True),
    ("me mudei pra Curitiba, nao tem como ir mais, pode tirar meu contato da lista", True),
    ("pode me mandar as msg depois das 18h? de dia to no trampo e nao consigo ver", False),
    ("oi, esse numero nao é mais da Ana nao, é meu agora, nao quero receber essas msg", True),
    ("descadastrar", True),
    ("sou o marido da Cida, ela ta internada e nao vai poder ir tao cedo, para de mandar essas promoção pra ela por favor", True),
    ("a ultima escova nao durou nada viu, fiquei chateada... mas quero tentar de novo com outra pessoa, tem horario?", False),
    ("pode parar de enviar promocao", True),
    ("agora eu faço escova em casa mesmo, nao preciso disso nao, pode me tirar", True),
    ("quem é a Bia? é nova ai? ela faz progressiva tb?", False),
    ("to desempregada, nao tenho como gastar com salao, prefiro nem receber essas oferta pra nao ficar tentada, me tira da lista ai", True),
    ("quero sair da lista de transmissão", True),
    ("Conforme a LGPD, solicito a exclusão dos meus dados e que cessem os envios de publicidade para este telefone.", True),
    ("eu saio do serviço as 17h, teria horario depois disso?", False),
    ("se continuar mandando vou denunciar no procon", True),
    ("chega de msg pfvr", True),
    ("quem te deu meu numero?? nunca fui nesse salao, nao me manda mais nada", True),
    ("nao vou parar de ir ai nunca kkk reserva pra mim", False),
    ("Please stop sending me these messages, I don't speak Portuguese and I'm not interested", True),
    ("não tenho interesse em receber essas mensagens, me removam", True),
    ("me coloca na lista de espera pra sabado se vagar", False),
    ("Por favor no me manden más promociones, gracias", True),
    ("3 msg num dia so? ta de brincadeira... nao quero mais receber", True),
    ("só consigo ver mensagem de noite, por isso demorei. ainda tem a vaga?", False),
    ("parem de me mandar propaganda", True),
    ("vou bloquear e denunciar como spam se chegar mais uma dessas", True),
    ("Olá, tudo bem? Agradeço muito o carinho de vocês durante todos esses anos, sempre fui muito bem atendida pela Bia. Mas minha vida mudou bastante, hoje estou morando no interior e não consigo mais ir até aí. Por isso peço que não me enviem mais as promoções, tá? Um beijo pra todas", True),
    ("quero remover a extensão de cilios, vcs fazem? se sim pode marcar", False),
    ("apaga meu contato", True),
    ("nao quero receber mais nada do salao", True),
    ("dessa vez passo, to sem grana esse mes, mas continua mandando q mes que vem eu vou", False),
    ("esquece meu numero pfv", True),
    ("bah guria, de novo essas msg? para com isso tchê, nao quero mais", True),
    ("STOP", True),
    ("para tudo!! 15% off? reserva agora pfv 😍", False),
    ("oxe, de novo? ja disse q nao quero essas promoção mainha, para de mandar visse", True),
    ("uai sô, cês tão mandando isso toda semana, num quero mais não, para com isso", True),
    ("terça nao consigo, mas manda outras opção q eu quero sim", False),
    ("mano para de mandar essas parada ai, nao curto, me tira", True),
    ("ae, isso aqui é o zap do meu trampo, para de mandar propaganda de salão aqui", True),
    ("kkkkk vcs nunca desistem ne? desiste por favor, nao vou e nao quero mais msg", True),
    ("10 da noite mandando promo?? q falta de noção, nao me mandem mais nada", True),
]

EIGHTH_OPT_IN: list[str] = [
    "oi, quero voltar a receber as promoções de vcs",
    "pode me colocar de novo na lista de ofertas?",
    "tinha pedido pra parar mas me arrependi kkk pode mandar as promo de novo",
    "quero receber as ofertas do salão por aqui",
    "me inscreve nas promoções pfv",
    "voltei pra cidade! pode voltar a me mandar os descontos",
    "ativa de novo as mensagens de promoção pra mim",
    "quero ficar sabendo das promoções, me add na lista",
    "Bom dia! Gostaria de voltar a receber as novidades e promoções do salão.",
    "pode mandar oferta sim, mudei de ideia",
    "aceito receber mensagens de promoção",
    "me manda as promo de novo, to sentindo falta kkkk",
    "quero entrar na lista de transmissão de vcs",
    "descobri q tava perdendo os descontos 😩 religa as mensagens pra mim pfv",
    "Hi! I'd like to receive your promotions again, please",
]
# fmt: on
